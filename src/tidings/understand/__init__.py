"""Understanding: Article -> Features (names with cross-script keys, figures, dates
mentioned, time of the reported happening, embedding)."""
