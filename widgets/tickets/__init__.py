"""The ticket dock: queues, detail with timeline, statistics."""
