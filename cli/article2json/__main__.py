from article2json.cli import main

main()
