from khabar.cli.entry import main

main()
