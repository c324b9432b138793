"""The Model page: build a CNN from blocks."""
