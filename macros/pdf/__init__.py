"""Chapter PDFs: compose one print document per chapter from the built pages, then render it."""
