"""Pages of the live games: joining, the phone, the host screen, the results export."""
