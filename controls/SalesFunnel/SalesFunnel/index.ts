import type { IInputs, IOutputs } from './manifest-types';
import { FunnelController } from './controller';
import '../../../src/widgets/shared/fluent-tokens.css';
import '../../../src/widgets/funnel/funnel.css';

/** CollabCrm.SalesFunnel: the PCF lifecycle, handed to FunnelController (the thin adapter). */
export class SalesFunnel implements ComponentFramework.StandardControl<IInputs, IOutputs> {
  private controller: FunnelController | undefined;

  public init(
    context: ComponentFramework.Context<IInputs>,
    _notifyOutputChanged: () => void,
    _state: ComponentFramework.Dictionary,
    container: HTMLDivElement,
  ): void {
    this.controller = new FunnelController(container);
    this.controller.init(context);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): void {
    this.controller?.update(context);
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    this.controller?.destroy();
  }
}
