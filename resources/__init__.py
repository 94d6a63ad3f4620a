"""Icons, themes, sounds, translations, demo media and bundled geodata."""
