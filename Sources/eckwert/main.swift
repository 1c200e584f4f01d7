import EckwertCLI

Eckwert.main()
