import EckwertCLI

Eckwert.hauptprogramm()
