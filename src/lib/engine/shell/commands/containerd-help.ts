/**
 * containerd 1.7 help texts, byte for byte as the binary prints them (urfave/cli v1 templates;
 * captured from the 1.7.24 binary with the version line set to the simulated 1.7.28).
 */

/** `containerd --help`. */
export const CONTAINERD_TOP_HELP =
  'NAME:\n   containerd - \n                    __        _                     __\n  _________  ____  / /_____ _(_)___  ___  _________/ /\n / ___/ __ \\/ __ \\/ __/ __ `/ / __ \\/ _ \\/ ___/ __  /\n/ /__/ /_/ / / / / /_/ /_/ / / / / /  __/ /  / /_/ /\n\\___/\\____/_/ /_/\\__/\\__,_/_/_/ /_/\\___/_/   \\__,_/\n\nhigh performance container runtime\n\n\nUSAGE:\n   containerd [global options] command [command options] [arguments...]\n\nVERSION:\n   1.7.28\n\nDESCRIPTION:\n   \ncontainerd is a high performance container runtime whose daemon can be started\nby using this command. If none of the *config*, *publish*, *oci-hook*, or *help* commands\nare specified, the default action of the **containerd** command is to start the\ncontainerd daemon in the foreground.\n\n\nA default configuration is used if no TOML configuration is specified or located\nat the default file location. The *containerd config* command can be used to\ngenerate the default configuration for containerd. The output of that command\ncan be used and modified as necessary as a custom configuration.\n\nCOMMANDS:\n   config    Information on the containerd config\n   publish   Binary to publish events to containerd\n   oci-hook  Provides a base for OCI runtime hooks to allow arguments to be injected.\n   help, h   Shows a list of commands or help for one command\n\nGLOBAL OPTIONS:\n   --config value, -c value     Path to the configuration file (default: "/etc/containerd/config.toml")\n   --log-level value, -l value  Set the logging level [trace, debug, info, warn, error, fatal, panic]\n   --address value, -a value    Address for containerd\'s GRPC server\n   --root value                 containerd root directory\n   --state value                containerd state directory\n   --help, -h                   show help\n   --version, -v                print the version\n';

/** `containerd config` (and `config --help`). */
export const CONTAINERD_CONFIG_HELP =
  'NAME:\n   containerd config - Information on the containerd config\n\nUSAGE:\n   containerd config command [command options] [arguments...]\n\nCOMMANDS:\n   default  See the output of the default config\n   dump     See the output of the final main config with imported in subconfig files\n\nOPTIONS:\n   --help, -h  show help\n   \n';

/** `containerd config default --help`. */
export const CONTAINERD_CONFIG_DEFAULT_HELP =
  'NAME:\n   containerd config default - See the output of the default config\n\nUSAGE:\n   containerd config default [arguments...]\n';

/** `containerd config dump --help`. */
export const CONTAINERD_CONFIG_DUMP_HELP =
  'NAME:\n   containerd config dump - See the output of the final main config with imported in subconfig files\n\nUSAGE:\n   containerd config dump [arguments...]\n';
