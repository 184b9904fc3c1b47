import MitraCLI

MitragraphCommand.main()
