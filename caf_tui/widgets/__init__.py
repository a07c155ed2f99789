"""Reusable widgets: each one job, each usable by keyboard and readable without colour."""
