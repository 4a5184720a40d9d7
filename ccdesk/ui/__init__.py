"""The Qt window. Widgets talk to the API only through ccdesk.ui.bridge.Bridge."""
