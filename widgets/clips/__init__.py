"""Event clips on screen: the player (decoding on its own thread), its scrub bar with the event's mark,
the watermark burnt into exports and snapshots, and the 回放 entries the lists compose in."""
