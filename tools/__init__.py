"""Developer tools, not part of the installed package: screenshots and the sample pack rebuilder."""
