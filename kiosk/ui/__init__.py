"""The Qt layer: the window, screens and widgets. The core never imports this."""
