"""The story lesson 1 tells, as data, and the questions a reader asks of it: which
fields hold deep learning, which milestones had happened by a year, and how far
the ImageNet winners' error fell."""

from .checks import number, one_of

# name: (what it is, an example); each field lies inside the one before it
FIELDS = {
    "Artificial intelligence": ("machines doing things that seem to need intelligence",
                                "a chess program searching moves by hand-written rules"),
    "Machine learning": ("AI that learns its rules from examples instead of being told them",
                         "a spam filter learning from e-mails people marked as spam"),
    "Deep learning": ("machine learning with neural networks of many layers", "recognising the cat in a photo"),
}

MILESTONES = [
    # year, short label, what happened
    (1958, "Perceptron", "Frank Rosenblatt's perceptron, one artificial neuron that learns"),
    (1969, "XOR problem", "Minsky and Papert show a single perceptron cannot learn XOR"),
    (1986, "Backpropagation", "Rumelhart, Hinton and Williams train networks with hidden layers by backpropagation"),
    (1991, "Vanishing gradients", "Hochreiter shows the learning signal fades through many layers"),
    (2012, "AlexNet", "AlexNet, a deep network trained on GPUs, wins ImageNet by a wide margin"),
    (2017, "Transformer", "the Transformer reads a whole sentence at once, paying attention to what matters"),
    (2022, "ChatGPT", "ChatGPT, a chatbot built on a Transformer, reaches millions of people"),
]
WINTER = (1991, 2012)  # the years deep networks would not train

# ILSVRC classification winners, top-5 error in per cent (Russakovsky et al. 2015,
# and the challenge's published results for 2015 to 2017).
IMAGENET_WINNERS = [
    (2010, "NEC", 28.2),
    (2011, "XRCE", 25.8),
    (2012, "AlexNet", 16.4),
    (2013, "ZFNet", 11.7),
    (2014, "GoogLeNet", 6.7),
    (2015, "ResNet", 3.57),
    (2016, "Trimps-Soushen", 2.99),
    (2017, "SENet", 2.25),
]
HUMAN_ERROR = 5.1  # Russakovsky et al. 2015: one trained person, 1,500 test images


def fields_around(field):
    """The fields that hold `field`, the nearest first: deep learning lies inside
    machine learning, which lies inside artificial intelligence."""
    one_of("field", field, FIELDS)
    names = list(FIELDS)
    return names[:names.index(field)][::-1]


def milestones_by(year):
    """The milestones that had happened by the end of `year`, oldest first."""
    year = number("year", year)
    return [milestone for milestone in MILESTONES if milestone[0] <= year]


def imagenet_result(year):
    """The ImageNet challenge's winner in `year`: (name, top-5 error in %, how many
    points the error fell from the year before, or None in the first year)."""
    years = [winner[0] for winner in IMAGENET_WINNERS]
    if year not in years:
        raise ValueError(f"year must be a challenge year, {years[0]} to {years[-1]}, got {year!r}")
    index = years.index(year)
    _, name, error = IMAGENET_WINNERS[index]
    return name, error, IMAGENET_WINNERS[index - 1][2] - error if index else None
