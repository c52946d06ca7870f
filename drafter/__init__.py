"""drafter: co-sell handoff packets that sellers can act on.

The library API works without the CLI: read and write packets with `drafter.formats`,
the packet model lives in `drafter.packet`.
"""

__version__ = "0.1.0"
