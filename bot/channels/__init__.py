"""Rasa input channels of Wegwijzer (thin adapters over plain modules)."""
