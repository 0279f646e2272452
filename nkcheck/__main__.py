from nkcheck.cli import main

main()
