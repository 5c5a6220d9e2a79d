"""The Qt layer: the window, screens and widgets. The core never imports this."""

# Qt's largest widget size (QWIDGETSIZE_MAX, which PySide6 does not export):
# setting a maximum to it lifts an earlier limit.
QWIDGETSIZE_MAX = (1 << 24) - 1
