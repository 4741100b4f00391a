"""Who may do what, and how often: teachers' rights, PIN and join throttling."""
