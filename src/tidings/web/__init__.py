"""Web app and HTTP API over the same library as the CLI."""
