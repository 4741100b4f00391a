"""The asynchronous edge of the live games, one instance per daphne process.

- `hub`: which sockets of this process watch which session, and delivery of frames to them;
  one channel-layer membership per process and session, not one per phone.
- `runner`: per session, a queue that applies commands in batches through the services and
  publishes the resulting frames; deadline timers that tick the engine.
"""
