"""The websocket protocol's edge: bounded parsing of incoming frames (docs/protocol.md)."""
