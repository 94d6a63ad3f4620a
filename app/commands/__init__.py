"""Subcommands of main.py, one module per area."""
