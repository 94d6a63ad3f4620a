"""The grid's own work on screen and on paper: pairings and postcards, the mutual-aid fund, votes,
meetings, volunteers, visits, work statistics."""
