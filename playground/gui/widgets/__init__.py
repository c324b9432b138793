"""Reusable widgets: image grids, a bar chart."""
