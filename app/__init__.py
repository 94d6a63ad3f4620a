"""Core of the Grid Command Centre: config, store, grid tree, people, residents, tickets. No Qt here."""
