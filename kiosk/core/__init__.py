"""The Qt-free core: content loading, Markdown, related reads, diagnostics.

Nothing in this package may import Qt; ``kiosk check`` runs on machines without it.
"""
