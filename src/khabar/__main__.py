from khabar.cli.app import main

main()
