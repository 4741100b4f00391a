"""The teacher space of the Wagtail admin: my games, my past sessions and their figures, the
quiz import, one-click launch and the « Essayer » mode that records nothing."""
