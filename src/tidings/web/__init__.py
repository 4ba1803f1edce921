"""Web app and HTTP API over the same library as the CLI."""

from tidings.web.app import create_app, serve

__all__ = ["create_app", "serve"]
