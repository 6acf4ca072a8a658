"""Small shared helpers: translation, resource paths, settings, logging."""
