"""The only place that loads a game's state, applies engine commands and saves, in one
transaction. Everything here is synchronous ORM code; the async edges (consumers, the hub)
call it through `database_sync_to_async`."""
