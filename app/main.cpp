#include "cli.h"

int main(int argc, char **argv)
{
    return reslab::cli::run(argc, argv);
}
