"""Docks, map tools and dialogs: thin, each takes its collaborators in __init__."""
