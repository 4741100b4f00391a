"""What every game kind's authoring shares: answer blocks, links to fiches, pictures, errors."""
