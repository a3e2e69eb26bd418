"""Read models: tables built from the events, for the queries the app makes often."""
