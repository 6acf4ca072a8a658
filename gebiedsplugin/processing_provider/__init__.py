"""Processing provider: the plugin's public, scriptable entry points (gebiedsplugin:*)."""
