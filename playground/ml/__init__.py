"""How the designed network runs: torch and torchvision, never Qt."""
