"""The command line: scripts, tests and power users drive the core from the shell."""
