"""Template filters of the workbench's pages."""
