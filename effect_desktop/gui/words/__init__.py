"""The Words page: the word table, its filters and the add/edit dialog."""
