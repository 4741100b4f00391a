"""The territory: a map of the industrial companies and a shared agenda of events."""
