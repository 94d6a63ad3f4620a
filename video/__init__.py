"""Camera sources, capture workers, watchdog, motion gating, inference, tracking, face gallery. No Qt."""
