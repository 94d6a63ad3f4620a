"""The grid's own work: home visits and their plan, residents' votes, the work statistics."""
