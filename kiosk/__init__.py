"""A fullscreen patient-education kiosk that shows local Markdown content."""

__version__ = "0.1.0"
