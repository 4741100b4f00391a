"""Helpers shared by the test suite: live servers, browsers, accessibility, services."""
