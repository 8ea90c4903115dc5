import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFound, type CommandContext } from '@ledger/event-sourcing';
import { PeopleCommands, PeopleDirectory } from '@ledger/people';
import { Permit } from '../auth/access.decorators';
import { CommandErrors, QueryErrors } from '../http/api-errors.decorator';
import { Ctx } from '../http/command-context';
import { HistoryReader } from '../http/history';
import { CommandResponse, commandResponse } from '../http/responses';
import { UuidParam } from '../http/uuid-param';
import { ForgetPersonDto, RegisterPersonDto } from './people.dto';

@ApiTags('people')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first response and writes nothing.',
})
@Controller('partnerships/:pid/people')
export class PeopleController {
  constructor(
    private readonly commands: PeopleCommands,
    private readonly directory: PeopleDirectory,
    private readonly history: HistoryReader,
  ) {}

  @Post()
  @Permit('person.register')
  @ApiOperation({ summary: 'Register a member of staff; the log keeps only their id and their details encrypted with their own key.' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async register(@Ctx() context: CommandContext, @Body() body: RegisterPersonDto): Promise<CommandResponse> {
    const { name, email, phone, role, agencyId } = body;
    return commandResponse(
      await this.commands.register(context, {
        name,
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
        ...(role ? { role } : {}),
        ...(agencyId ? { agencyId } : {}),
      }),
    );
  }

  @Get()
  @Permit('partnership.read')
  @ApiOperation({ summary: 'The partnership’s people; a forgotten person reads as { erased: true, name: "[erased]" }.' })
  @QueryErrors()
  async list(@UuidParam('pid') pid: string) {
    return { items: await this.directory.list(pid) };
  }

  @Get(':personId')
  @Permit('partnership.read')
  @ApiOperation({ summary: 'One person (decrypted on read), or { erased: true } once forgotten.' })
  @QueryErrors()
  async get(@UuidParam('pid') pid: string, @UuidParam('personId') personId: string) {
    const person = await this.directory.get(pid, personId);
    if (!person) throw new NotFound('person', personId);
    return person;
  }

  @Get(':personId/history')
  @Permit('partnership.read')
  @ApiOperation({ summary: 'Every event of the person: ids and the person’s name (or [erased]), never ciphertext.' })
  @QueryErrors()
  async itemHistory(@UuidParam('pid') pid: string, @UuidParam('personId') personId: string) {
    return this.history.history(pid, 'person', 'person', personId);
  }

  @Post(':personId/forget')
  @HttpCode(200)
  @Permit('person.forget')
  @ApiOperation({ summary: 'Forget the person: destroy their key and record PersonForgotten. Every view shows them as erased.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async forget(
    @Ctx() context: CommandContext,
    @UuidParam('personId') personId: string,
    @Body() body: ForgetPersonDto,
  ): Promise<CommandResponse> {
    return commandResponse(await this.commands.forget(context, personId, body.reason));
  }
}
