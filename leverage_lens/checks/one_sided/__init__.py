"""Rules that find terms favouring one party: rights held by one side only, protections for one side only."""
