"""The grid's own work on screen: votes, meetings, volunteers, visits, work statistics."""
