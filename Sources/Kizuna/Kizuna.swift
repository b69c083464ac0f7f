// The public library: Database, sessions, results, the bundled graph.
